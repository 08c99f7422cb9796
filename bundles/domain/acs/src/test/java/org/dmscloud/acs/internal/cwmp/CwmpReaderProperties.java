package org.dmscloud.acs.internal.cwmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.dmscloud.http.Markup;

/**
 * Whatever a device (or anyone with its credentials) sends, the reader answers a message or a CWMP fault, never
 * another exception, which the endpoint would turn into a 500: a real Inform, in every CWMP version, with an
 * element's value changed, an element left out or said twice, or its bytes broken.
 */
class CwmpReaderProperties {

    @Property(tries = 2000)
    void aBrokenInformIsReadOrRefusedWithAFaultNeverAnotherException(@ForAll("brokenInforms") byte[] envelope) {
        try {
            CwmpMessage message = CwmpReader.read(envelope);
            assertThat(message.method()).isNotBlank();
        } catch (CwmpException refused) {
            assertThat(refused.fault()).isNotNull();
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<byte[]> brokenInforms() {
        Arbitrary<String> informs = Arbitraries.of(CwmpVersion.values()).map(version -> CwmpMessagesTest.inform(version.namespace()));
        // Well-formed, with what an element says changed: a value out of its range, too long, empty, or none at all.
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80), Arbitraries.strings().withCharRange('0', '9').ofMinLength(1)
                .ofMaxLength(30), Arbitraries.of("", "-1", "0", "2147483648", "1e3", "true", "xsd:string", "cwmp:Inform"),
                Arbitraries.strings().alpha().ofMinLength(65).ofMaxLength(300));
        Arbitrary<byte[]> changed = Combinators.combine(informs, Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1), values)
                .as(CwmpReaderProperties::changed);
        // Not even well-formed: cut short, a stretch taken out, bytes put in or overwritten.
        Arbitrary<byte[]> broken = Combinators.combine(informs.map(inform -> inform.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 40),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)).as(CwmpReaderProperties::broken);
        return Arbitraries.oneOf(changed, broken);
    }

    private static final Pattern TEXT = Pattern.compile(">([^<]*)</");
    private static final Pattern ELEMENT = Pattern.compile("<(\\w+)[^>]*>(?:(?!<\\1[ >]).)*?</\\1>", Pattern.DOTALL);

    /** The envelope with one element's text replaced, one element left out, or one element said twice. */
    private static byte[] changed(String envelope, int how, double where, String value) {
        Matcher found = (how == 0 ? TEXT : ELEMENT).matcher(envelope);
        List<MatchResult> places = found.results().toList();
        MatchResult place = places.get((int) (where * (places.size() - 1)));
        String result = switch (how) {
        case 0 -> envelope.substring(0, place.start(1)) + Markup.escape(value) + envelope.substring(place.end(1));
        case 1 -> envelope.substring(0, place.start()) + envelope.substring(place.end());
        default -> envelope.substring(0, place.end()) + place.group() + envelope.substring(place.end());
        };
        return result.getBytes(StandardCharsets.UTF_8);
    }

    /** The envelope cut short, with a stretch taken out, with bytes put in, or with bytes overwritten, at a place. */
    private static byte[] broken(byte[] envelope, int how, double where, int length, byte[] noise) {
        int at = (int) (where * (envelope.length - 1));
        return switch (how) {
        case 0 -> Arrays.copyOf(envelope, at);
        case 1 -> concat(Arrays.copyOf(envelope, at), Arrays.copyOfRange(envelope, Math.min(envelope.length, at + length), envelope.length));
        case 2 -> concat(concat(Arrays.copyOf(envelope, at), noise), Arrays.copyOfRange(envelope, at, envelope.length));
        default -> {
            byte[] overwritten = envelope.clone();
            System.arraycopy(noise, 0, overwritten, at, Math.min(noise.length, overwritten.length - at));
            yield overwritten;
        }
        };
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
