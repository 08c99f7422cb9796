package org.dmscloud.rest.internal;

import java.time.Instant;
import java.util.List;

import org.dmscloud.api.billing.BillableAction;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.billing.LedgerEntryType;
import org.dmscloud.api.billing.Quote;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceChange;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpPayment;
import org.dmscloud.api.payment.TopUpStatus;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON the portal API answers with: ids as text, instants in UTC ISO 8601, money as {@link MoneyView}. */
final class Views {

    private Views() {
    }

    /** @param disableReason why it is disabled; null unless DISABLED */
    public record InstanceView(@Schema(format = "uuid") String id, String name, String packageId, long expectedDevices, List<String> optionIds,
            InstanceState state, @Schema(nullable = true) DisableReason disableReason, Instant paidUntil, MoneyView paidRate, Instant createdAt) {

        static InstanceView of(Instance instance) {
            return new InstanceView(instance.id().toString(), instance.name(), instance.configuration().packageId(),
                    instance.configuration().expectedDevices(), List.copyOf(instance.configuration().optionIds()), instance.state(),
                    instance.disableReason().orElse(null), instance.paidUntil(), MoneyView.of(instance.paidRate()),
                    instance.createdAt());
        }
    }

    public record ComponentView(String item, String label, MoneyView amount) {

        static List<ComponentView> of(List<PriceComponent> components) {
            return components.stream().map(c -> new ComponentView(c.item(), c.label(), MoneyView.of(c.amount()))).toList();
        }
    }

    public record RateView(MoneyView total, List<ComponentView> components) {

        static RateView of(DailyRate rate) {
            return new RateView(MoneyView.of(rate.total()), ComponentView.of(rate.components()));
        }
    }

    /** @param instanceId, periodStart, periodEnd, rate null for an entry that is about no instance (a top-up, an adjustment) */
    public record LedgerEntryView(long id, LedgerEntryType type, MoneyView amount, MoneyView balanceAfter,
            @Schema(nullable = true, format = "uuid") String instanceId, @Schema(nullable = true) Instant periodStart,
            @Schema(nullable = true) Instant periodEnd, @Schema(nullable = true) MoneyView rate, List<ComponentView> breakdown, String description,
            Instant createdAt) {

        static LedgerEntryView of(LedgerEntry entry) {
            return new LedgerEntryView(entry.id(), entry.type(), MoneyView.of(entry.amount()), MoneyView.of(entry.balanceAfter()),
                    entry.instance().map(InstanceId::toString).orElse(null), entry.periodStart().orElse(null),
                    entry.periodEnd().orElse(null), entry.rate().map(MoneyView::of).orElse(null), ComponentView.of(entry.breakdown()),
                    entry.customerDescription(), entry.createdAt());
        }
    }

    /** An action's outcome: the instance after it and the charge or credit it caused (null when free). */
    public record InstanceChangeView(InstanceView instance, @Schema(nullable = true) LedgerEntryView ledgerEntry) {

        static InstanceChangeView of(InstanceChange change) {
            return new InstanceChangeView(InstanceView.of(change.instance()), change.ledgerEntry().map(LedgerEntryView::of).orElse(null));
        }
    }

    /** Whether a quoted action costs, gives back or is free. */
    public enum QuoteKind {
        CHARGE, CREDIT, FREE
    }

    /**
     * @param amount the balance change: negative for a charge, positive for a credit, zero when free
     * @param rule   the rule of the billing contract that decides it, such as R5
     */
    public record QuoteView(@Schema(format = "uuid") String id, BillableAction action, @Schema(nullable = true, format = "uuid") String instanceId,
            QuoteKind kind, MoneyView amount, RateView dailyRate, MoneyView paidRate, @Schema(nullable = true) Instant periodStart,
            @Schema(nullable = true) Instant periodEnd, String rule, Instant quotedAt, Instant expiresAt) {

        static QuoteView of(Quote quote) {
            QuoteKind kind = quote.amount().isNegative() ? QuoteKind.CHARGE : quote.amount().isPositive() ? QuoteKind.CREDIT : QuoteKind.FREE;
            return new QuoteView(quote.id().toString(), quote.action(), quote.instance().map(InstanceId::toString).orElse(null),
                    kind, MoneyView.of(quote.amount()), RateView.of(quote.dailyRate()), MoneyView.of(quote.paidRate()),
                    quote.periodStart().orElse(null), quote.periodEnd().orElse(null), quote.rule(), quote.quotedAt(), quote.expiresAt());
        }
    }

    public record PackageView(String id, String name, String description, long minDevices, long maxDevices) {

        static PackageView of(CatalogPackage pkg) {
            return new PackageView(pkg.id(), pkg.name(), pkg.description(), pkg.devices().min(), pkg.devices().max());
        }
    }

    public record OptionView(String id, String name, String description) {

        static OptionView of(CatalogOption option) {
            return new OptionView(option.id(), option.name(), option.description());
        }
    }

    /** @param paymentPage where to pay, for providers with a payment page */
    public record TopUpView(@Schema(format = "uuid") String id, String provider, TopUpStatus status, MoneyView amount, MoneyView received,
            MoneyView outstanding, MoneyView overpaid, @Schema(nullable = true) String providerReference,
            @Schema(nullable = true, format = "uri") String paymentPage, String instructions, @Schema(nullable = true) BillingDetails billingDetails,
            String detail, Instant createdAt, Instant updatedAt) {

        static TopUpView of(TopUp topUp) {
            return new TopUpView(topUp.id().toString(), topUp.providerId(), topUp.status(), MoneyView.of(topUp.amount()),
                    MoneyView.of(topUp.received()), MoneyView.of(topUp.outstanding()), MoneyView.of(topUp.overpaid()),
                    topUp.providerReference().orElse(null), topUp.paymentPage().map(Object::toString).orElse(null), topUp.instructions(),
                    topUp.billingDetails().orElse(null), topUp.detail(), topUp.createdAt(), topUp.updatedAt());
        }
    }

    public record PaymentView(MoneyView amount, String recordedBy, String detail, long ledgerEntryId, Instant receivedAt) {

        static PaymentView of(TopUpPayment payment) {
            return new PaymentView(MoneyView.of(payment.amount()), payment.recordedBy(), payment.detail(), payment.ledgerEntryId(),
                    payment.receivedAt());
        }
    }

    /** @param href where to download it */
    public record DocumentView(String kind, String number, String fileName, String contentType, String href, Instant createdAt) {

        static DocumentView of(TopUpDocument document) {
            return new DocumentView(document.kind(), document.number(), document.fileName(), document.contentType(),
                    "account/top-ups/" + document.topUp() + "/documents/" + document.number(), document.createdAt());
        }
    }

    /** A top-up with the payments credited for it and the documents issued for it. */
    public record TopUpDetailView(TopUpView topUp, List<PaymentView> payments, List<DocumentView> documents) {
    }

    /**
     * @param minimum the smallest top-up in the account's currency; null if the provider does not take it
     */
    public record PaymentProviderView(String id, String displayName, boolean available, boolean needsBillingDetails,
            @Schema(nullable = true) MoneyView minimum, @Schema(nullable = true) MoneyView maximum) {
    }

    /** A sentence for the person who sent the request. */
    public record MessageView(String message) {
    }

    /** A new sign-in session: send {@code Authorization: Bearer <token>} until it expires. */
    public record SessionView(String token, @Schema(allowableValues = "Bearer") String tokenType, Instant expiresAt) {
    }
}
