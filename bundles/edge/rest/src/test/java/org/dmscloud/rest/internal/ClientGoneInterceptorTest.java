package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;

import javax.ws.rs.ext.WriterInterceptorContext;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Writing an answer is writing to the client's connection: its failure is the client's leaving, unless Jackson could not write it. */
class ClientGoneInterceptorTest {

    private final ClientGoneInterceptor interceptor = new ClientGoneInterceptor();

    @Test
    void aConnectionThatFailsWhileTheAnswerIsWrittenIsDroppedQuietly() {
        assertThatCode(() -> interceptor.aroundWriteTo(writing(new IOException("Broken pipe")))).doesNotThrowAnyException();
        assertThatCode(() -> interceptor.aroundWriteTo(writing(new IOException("Connection reset by peer")))).doesNotThrowAnyException();
        assertThatCode(() -> interceptor.aroundWriteTo(writing(new IllegalStateException(new org.eclipse.jetty.io.EofException()))))
                .doesNotThrowAnyException();
    }

    @Test
    void anAnswerJacksonCannotWriteOrABugGoesOnToTheMapper() {
        JsonMappingException unwritable = new JsonMappingException(null, "No serializer found for class Secret");
        assertThatThrownBy(() -> interceptor.aroundWriteTo(writing(unwritable))).isSameAs(unwritable);
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> interceptor.aroundWriteTo(writing(bug))).isSameAs(bug);
    }

    private static WriterInterceptorContext writing(Exception failure) {
        return (WriterInterceptorContext) Proxy.newProxyInstance(ClientGoneInterceptorTest.class.getClassLoader(),
                new Class<?>[] { WriterInterceptorContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
