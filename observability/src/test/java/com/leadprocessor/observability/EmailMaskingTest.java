package com.leadprocessor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;

class EmailMaskingTest {

  @Test
  void masksTheLocalPartOfEveryAddressInAText() {
    assertThat(
            EmailMasking.mask(
                "Lead potential.lead@example.com (was Jane.Doe+x@mail.example.co.uk) rejected"))
        .isEqualTo("Lead p***@example.com (was J***@mail.example.co.uk) rejected");
  }

  @Test
  void masksAddressesInsideQuotesJsonAndKeyValues() {
    assertThat(EmailMasking.mask("{\"captured_email\":\"a.b@example.com\"} email=c@example.org"))
        .isEqualTo("{\"captured_email\":\"a***@example.com\"} email=c***@example.org");
    assertThat(EmailMasking.mask("<mailto:lead@example.com|lead@example.com>"))
        .isEqualTo("<mailto:l***@example.com|l***@example.com>");
  }

  @Test
  void leavesTextWithoutAddressesAlone() {
    assertThat(EmailMasking.mask("no address here, @channel, user@localhost"))
        .isEqualTo("no address here, @channel, user@localhost");
    assertThat(EmailMasking.mask(null)).isNull();
  }

  @Test
  void structuredLogCustomizerMasksEveryStringMember() {
    JsonWriter<Map<String, Object>> writer =
        JsonWriter.of(
            members -> {
              members.add("message", event -> event.get("message"));
              members.addMapEntries(event -> mdc(event));
              castToObject(members);
            });
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("message", "Verifying potential.lead@example.com from 198.51.100.23");
    event.put("mdc", Map.of("CapturedEmail", "potential.lead@example.com"));

    assertThat(writer.writeToString(event))
        .contains("\"message\":\"Verifying p***@example.com from 198.51.*.*\"")
        .contains("\"CapturedEmail\":\"p***@example.com\"")
        .doesNotContain("potential.lead")
        .doesNotContain("100.23");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mdc(Map<String, Object> event) {
    return (Map<String, Object>) event.get("mdc");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void castToObject(JsonWriter.Members<?> members) {
    new PersonalDataMaskingJsonMembersCustomizer().customize((JsonWriter.Members) members);
  }
}
