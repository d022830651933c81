package org.infraadvisor.http;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.RawHttp;
import org.infraadvisor.testsupport.TestFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests the fuzz sweep found answered in the framework's or a parser's words (a JSON node's toString, "not
 * valid JSON" for valid JSON, "Request Entity Too Large" for a long address, bracketed lists): each now gets the
 * status it deserves and a detail that says what is wrong and where, and changes nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalDetailTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    Api api;
    String id;

    @Override
    public @NonNull Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>();
        TestFolders.properties().forEach((k, v) -> props.put(k, String.valueOf(v))); // widget-test: a multiple-choice question
        return props;
    }

    @BeforeEach
    void conversation() {
        api = new Api(server.getURI());
        id = api.post("/api/conversations", Map.of("flow", "widget-test")).as(ConversationView.class).id();
        assertThat(api.post("/api/conversations/" + id + "/answers", Map.of("question", "team_name", "value", "Platform")).status()).isEqualTo(200);
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/conversations/{id}/answers | {"question":"goals","value":["cost",7]}         | 422 | question 'goals' expects a list of options in quotes from 'cost', 'speed' or 'control'; item 2 is a number
            /api/conversations/{id}/answers | {"question":"goals","value":[["cost"]]}         | 422 | item 1 is a list
            /api/conversations/{id}/answers | {"question":"goals","value":["cost",{"a":1}]}   | 422 | item 2 is an object
            /api/conversations/{id}/answers | {"question":"goals","value":[true]}             | 422 | item 1 is true
            /api/conversations/{id}/answers | {"question":"goals","value":["speed",null]}     | 422 | item 2 is null
            /api/conversations/{id}/answers | {"question":"goals","value":NESTED}             | 400 | the request body nests lists and objects too deep: at most 1,000 levels are read
            /api/evaluate                   | {"flow":"widget-test","answers":{"goals":NESTED}} | 400 | the request body nests lists and objects too deep
            /api/conversations/{id}/answers | {"question":"gpu_count","value":LONG}             | 400 | a number in the request body has too many digits: at most 1,000 digits are read
            """)
    void aRefusedBodySaysWhatIsWrongInTheRequestsTerms(String path, String body, int status, String detail) {
        ConversationView before = api.conversation(id);
        String json = body.replace("NESTED", nested(5000)).replace("LONG", "1" + "0".repeat(2000));
        Api.Response r = api.send("POST", path.replace("{id}", id), "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.problem().detail()).contains(detail).doesNotContain("@", "not valid JSON");
        assertThat(api.conversation(id)).as("a refused request changes nothing").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PUT    | /api/conversations                | application/json | {"flow":"widget-test"} | 405 | PUT is not allowed on this address; it takes POST
            DELETE | /api/flows                        | -                | -                      | 405 | DELETE is not allowed on this address; it takes HEAD or GET
            POST   | /api/conversations/{id}/answers   | text/plain       | {"question":"pilot_ready","value":true} | 415 | a body of type 'text/plain' is not taken here; send it as application/json
            POST   | /api/conversations/{id}/answers   | application/json | BIG                    | 413 | the request body is 70,035 bytes; at most 65,536 bytes are taken
            GET    | /api/conversations/%zz             | -                | -                      | 400 | the address is not a valid URL: malformed escape pair at character 20
            GET    | /api/conversations/{id}           | ACCEPT text/html | -                      | 406 | this address answers application/json only, and the Accept header asks for text/html
            GET    | /api/no-such-thing                | -                | -                      | 404 | there is nothing at /api/no-such-thing; the service's addresses are described at /openapi/infra-advisor-api-0.2.yml
            """)
    void aRequestNotTakenAsSentSaysWhatToSendInstead(String method, String path, String mediaType, String body, int status, String detail) {
        ConversationView before = api.conversation(id);
        byte[] bytes = "-".equals(body) ? null
                : body.replace("BIG", "{\"question\":\"team_name\",\"value\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        if (mediaType.startsWith("ACCEPT ")) {
            headers.put("Accept", mediaType.substring("ACCEPT ".length()));
        } else if (!"-".equals(mediaType)) {
            headers.put("Content-Type", mediaType);
        }
        Api.Response r = new RawHttp(server.getURI()).send(method, path.replace("{id}", id).getBytes(StandardCharsets.UTF_8), headers, bytes, false);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.problem().detail()).contains(detail).doesNotContain("[", "Method", "Content Type");
        assertThat(api.conversation(id)).as("a refused request changes nothing").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            long address   | 414 | the request line (method, address and version) is longer than 4,096 bytes; shorten the address
            large headers  | 431 | the request headers are larger than 8,192 bytes in all; send fewer or shorter headers
            invalid header | 400 | the request line or headers are not valid HTTP/1.1: a header name can only contain
            """)
    void aRequestTheDecoderCannotReadSaysWhichPartIsWrong(String kind, int status, String detail) {
        ConversationView before = api.conversation(id);
        Map<String, String> headers = new LinkedHashMap<>();
        String target = "/api/conversations/" + id + "/answers";
        switch (kind) {
            case "long address" -> target += "?pad=" + "x".repeat(5000);
            case "large headers" -> headers.put("X-Padding", "x".repeat(9000));
            default -> headers.put("Bad Header", "x");
        }
        headers.put("Content-Type", "application/json");
        Api.Response r = new RawHttp(server.getURI()).send("POST", target.getBytes(StandardCharsets.UTF_8), headers,
                "{\"question\":\"pilot_ready\",\"value\":true}".getBytes(StandardCharsets.UTF_8), false);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.problem().detail()).contains(detail).doesNotContain("Too Large", "Bad Request");
        assertThat(api.conversation(id)).as("a refused request changes nothing").isEqualTo(before);
    }
}
