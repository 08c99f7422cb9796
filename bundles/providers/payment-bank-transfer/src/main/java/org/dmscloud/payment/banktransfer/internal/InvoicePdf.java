package org.dmscloud.payment.banktransfer.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** Sets an {@link Invoice} on one A4 page. */
final class InvoicePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color SHADE = new Color(0xF2, 0xF2, 0xF2);

    private final InvoiceFonts fonts;

    InvoicePdf(InvoiceFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(Invoice invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle("Invoice " + invoice.number());
        document.addSubject(invoice.description());
        document.addAuthor(invoice.bankAccount().beneficiary());
        document.addCreator("DMS Cloud");
        document.open();

        document.add(header(invoice));
        document.add(spacer(18));
        document.add(parties(invoice));
        document.add(spacer(22));
        document.add(lines(invoice));
        document.add(spacer(22));
        document.add(payment(invoice));
        if (!invoice.note().isBlank()) {
            document.add(spacer(16));
            document.add(new Paragraph(invoice.note(), fonts.small));
        }
        document.close();
        return out.toByteArray();
    }

    private PdfPTable header(Invoice invoice) {
        PdfPTable table = table(new float[] { 0.8f, 1.2f });
        PdfPCell title = plain(new Phrase("INVOICE", fonts.title));
        title.setVerticalAlignment(Element.ALIGN_TOP);
        table.addCell(title);
        PdfPTable facts = table(new float[] { 1, 1.7f });
        fact(facts, "Invoice number", invoice.number());
        fact(facts, "Invoice date", DATE.format(invoice.issued()));
        fact(facts, "Due date", DATE.format(invoice.due()));
        fact(facts, "Payment reference", invoice.reference().printed());
        PdfPCell right = new PdfPCell(facts);
        right.setBorder(Rectangle.NO_BORDER);
        table.addCell(right);
        return table;
    }

    private PdfPTable parties(Invoice invoice) {
        PdfPTable table = table(new float[] { 1, 1 });
        table.addCell(block("From", invoice.seller()));
        table.addCell(block("Bill to", invoice.buyer()));
        return table;
    }

    private PdfPTable lines(Invoice invoice) {
        PdfPTable table = table(new float[] { 4, 1.4f });
        table.addCell(heading("Description", Element.ALIGN_LEFT));
        table.addCell(heading("Amount", Element.ALIGN_RIGHT));
        table.addCell(ruled(new Phrase(invoice.description(), fonts.regular), Element.ALIGN_LEFT));
        table.addCell(ruled(new Phrase(invoice.amount().toString(), fonts.regular), Element.ALIGN_RIGHT));
        total(table, "Total", invoice.amount().toString(), fonts.bold);
        if (invoice.received().isPositive()) {
            total(table, "Received so far", invoice.received().toString(), fonts.regular);
            total(table, "Amount due", invoice.amountDue().toString(), fonts.bold);
        }
        return table;
    }

    private PdfPTable payment(Invoice invoice) {
        PdfPTable box = table(new float[] { 1, 2.4f });
        PdfPCell lead = new PdfPCell(new Phrase("Please transfer " + invoice.amountDue() + " by " + DATE.format(invoice.due())
                + " to the account below, quoting the payment reference exactly so that we can match your payment. "
                + "Your balance is credited when the money arrives.", fonts.regular));
        lead.setColspan(2);
        lead.setBorder(Rectangle.NO_BORDER);
        lead.setPaddingBottom(8);
        lead.setBackgroundColor(SHADE);
        box.addCell(lead);
        Invoice.BankAccount account = invoice.bankAccount();
        shadedFact(box, "Beneficiary", account.beneficiary());
        shadedFact(box, "IBAN", Mod97.grouped(Mod97.compact(account.iban())));
        shadedFact(box, "BIC", Mod97.compact(account.bic()));
        if (!account.bankName().isBlank()) {
            shadedFact(box, "Bank", account.bankName());
        }
        shadedFact(box, "Payment reference", invoice.reference().printed());
        shadedFact(box, "Amount", invoice.amountDue().toString());
        return box;
    }

    private PdfPCell block(String heading, List<String> lines) {
        Paragraph text = new Paragraph();
        text.add(new Chunk(heading + "\n", fonts.bold));
        for (String line : lines) {
            text.add(new Chunk(line + "\n", fonts.regular));
        }
        PdfPCell cell = plain(text);
        cell.setPaddingRight(12);
        return cell;
    }

    private void fact(PdfPTable table, String label, String value) {
        table.addCell(plain(new Phrase(label, fonts.regular)));
        table.addCell(plain(new Phrase(value, fonts.bold)));
    }

    private void shadedFact(PdfPTable table, String label, String value) {
        PdfPCell name = plain(new Phrase(label, fonts.regular));
        PdfPCell content = plain(new Phrase(value, fonts.bold));
        name.setBackgroundColor(SHADE);
        content.setBackgroundColor(SHADE);
        table.addCell(name);
        table.addCell(content);
    }

    private void total(PdfPTable table, String label, String value, Font font) {
        table.addCell(ruled(new Phrase(label, font), Element.ALIGN_RIGHT));
        table.addCell(ruled(new Phrase(value, font), Element.ALIGN_RIGHT));
    }

    private PdfPCell heading(String text, int alignment) {
        PdfPCell cell = ruled(new Phrase(text, fonts.bold), alignment);
        cell.setBackgroundColor(SHADE);
        return cell;
    }

    private static PdfPCell ruled(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(5);
        return cell;
    }

    private static PdfPCell plain(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static Paragraph spacer(float height) {
        return new Paragraph(height, " ");
    }
}
