package org.dmscloud.payment.banktransfer.internal;

import java.util.Currency;
import java.util.Map;

import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.testkit.PaymentProviderContract;

/** The bank-transfer provider passes the plugin testkit; its payments are recorded by operators, so the paid case is skipped. */
class BankTransferProviderContractTest extends PaymentProviderContract {

    private final BankTransferProvider provider = new BankTransferProvider(Configurations.of(BankTransferConfiguration.class, Map.of(
            "beneficiary", "DMS Cloud Ltd",
            "beneficiaryAddress", "1 Harbour Street|Dublin D02 XY45|Ireland",
            "iban", "DE89 3704 0044 0532 0130 00",
            "bic", "COBADEFFXXX",
            "bankName", "Commerzbank")));

    @Override
    protected PaymentProvider provider() {
        return provider;
    }

    @Override
    protected Currency currency() {
        return Currency.getInstance("EUR");
    }
}
