package org.dmscloud.payment.banktransfer.internal;

import java.time.LocalDate;
import java.util.List;

import org.dmscloud.api.money.Money;

/**
 * What an invoice says, worked out before it is set in a PDF.
 *
 * @param seller   the beneficiary's name, address lines and VAT id line
 * @param buyer    the customer's name, company, address lines, country and VAT id line
 * @param received money that already arrived for the top-up (usually none when the invoice is issued)
 */
record Invoice(String number, LocalDate issued, LocalDate due, List<String> seller, List<String> buyer, String description,
        Money amount, Money received, Money amountDue, BankAccount bankAccount, PaymentReference reference, String note) {

    /** Where the customer transfers the money to. */
    record BankAccount(String beneficiary, String iban, String bic, String bankName) {
    }
}
