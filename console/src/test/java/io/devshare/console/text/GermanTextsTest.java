package io.devshare.console.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.qute.i18n.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every English text of the console has its German one, with the same placeholders, and the German files name no
 * text that does not exist (Quarkus would silently show English for a missing one).
 */
class GermanTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @ParameterizedTest
    @ValueSource(classes = {Msg.class, Sentences.class})
    void everyTextHasItsGermanOneWithTheSamePlaceholders(Class<?> bundle) throws IOException {
        String name =
                bundle.getAnnotation(io.quarkus.qute.i18n.MessageBundle.class).value();
        Properties german = new Properties();
        try (InputStream in = bundle.getResourceAsStream("/messages/" + name + "_de.properties")) {
            assertThat(in).as(name + "_de.properties").isNotNull();
            german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        for (Method m : bundle.getDeclaredMethods()) {
            keys.add(m.getName());
            String english = m.getAnnotation(Message.class).value();
            String de = german.getProperty(m.getName());
            assertThat(de).as("German for %s", m.getName()).isNotBlank();
            assertThat(placeholders(de)).as("placeholders of %s", m.getName()).isEqualTo(placeholders(english));
            assertThat(placeholders(english))
                    .as("parameters of %s", m.getName())
                    .isEqualTo(new TreeSet<>(Arrays.stream(m.getParameters())
                            .map(p -> p.getName())
                            .toList()));
        }
        assertThat(german.stringPropertyNames())
                .as("German texts without an English one")
                .isSubsetOf(keys);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
