package com.acme;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** A test template with a provider of its own, two invocations. */
class TemplateTest {

    @TestTemplate
    @ExtendWith(TwoInvocations.class)
    void template() {}

    static class TwoInvocations implements TestTemplateInvocationContextProvider {
        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return List.<TestTemplateInvocationContext>of(new Named("one"), new Named("two")).stream();
        }
    }

    record Named(String name) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return name;
        }
    }
}
