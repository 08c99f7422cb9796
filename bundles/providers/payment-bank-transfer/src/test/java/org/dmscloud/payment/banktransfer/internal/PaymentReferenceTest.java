package org.dmscloud.payment.banktransfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.dmscloud.api.payment.TopUpId;
import org.junit.jupiter.api.Test;

class PaymentReferenceTest {

    @Test
    void theStandardsOwnExamplesPassTheirCheck() {
        assertThat(PaymentReference.parse("RF18 5390 0754 7034").compact()).isEqualTo("RF18539007547034");
        assertThat(PaymentReference.parse("rf18539007547034").printed()).isEqualTo("RF18 5390 0754 7034");
        assertThat(Mod97.isValid(Mod97.compact("DE89 3704 0044 0532 0130 00"))).isTrue();
        assertThat(Mod97.isValid(Mod97.compact("GB29 NWBK 6016 1331 9268 19"))).isTrue();
    }

    @Test
    void aMistypedReferenceIsCaughtByItsCheckDigits() {
        assertThatThrownBy(() -> PaymentReference.parse("RF18 5390 0754 7043")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid RF payment reference");
        assertThatThrownBy(() -> PaymentReference.parse("RF19 5390 0754 7034")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReference.parse("DE89 3704 0044 0532 0130 00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentReference.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Mod97.isValid(Mod97.compact("DE89 3704 0044 0532 0130 01"))).isFalse();
    }

    @Test
    void eachTopUpHasItsOwnValidReferenceTheSameEveryTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            TopUpId topUp = TopUpId.random();
            PaymentReference reference = PaymentReference.of(topUp);
            assertThat(reference).isEqualTo(PaymentReference.of(topUp));
            assertThat(reference.compact()).matches("RF[0-9]{20}");
            assertThat(PaymentReference.parse(reference.printed())).isEqualTo(reference);
            assertThat(seen.add(reference.compact())).isTrue();
        }
    }
}
