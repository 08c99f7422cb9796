package org.dmscloud.payment.banktransfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts invoices are set in. DejaVu Sans, embedded, prints every name a customer may have (Łukasz,
 * Ελένη, Дмитрий); the PDF standard Helvetica, used when DejaVu is not installed, only Western European
 * ones. Debian installs DejaVu with the package fonts-dejavu-core.
 */
final class InvoiceFonts {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceFonts.class);

    final Font regular;
    final Font bold;
    final Font small;
    final Font title;
    final boolean unicode;

    private InvoiceFonts(BaseFont regular, BaseFont bold, boolean unicode) {
        this.regular = new Font(regular, 9.5f);
        this.bold = new Font(bold, 9.5f);
        this.small = new Font(regular, 8f);
        this.title = new Font(bold, 20f);
        this.unicode = unicode;
    }

    /** DejaVu Sans from {@code directory} if it is there, else Helvetica. */
    static InvoiceFonts from(Path directory) {
        Path regular = directory.resolve("DejaVuSans.ttf");
        Path bold = directory.resolve("DejaVuSans-Bold.ttf");
        try {
            if (Files.isReadable(regular) && Files.isReadable(bold)) {
                return new InvoiceFonts(embedded(regular), embedded(bold), true);
            }
            LOG.warn("No DejaVu Sans in {}: invoices use Helvetica, which prints Western European letters only "
                    + "(install fonts-dejavu-core or set fontDirectory in etc/{}.cfg)", directory, BankTransferConfiguration.PID);
            return new InvoiceFonts(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED),
                    BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED), false);
        } catch (IOException e) {
            throw new IllegalStateException("invoice fonts could not be read from " + directory, e);
        }
    }

    private static BaseFont embedded(Path file) throws IOException {
        return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    }
}
