package com.leadprocessor.connector.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailDomainCompanySourceTest {

  @Test
  void countryCodeDomainNamesTheCompanysCountry() {
    assertThat(EmailDomainCompanySource.countryOf("acme.de")).isEqualTo("DE");
    assertThat(EmailDomainCompanySource.countryOf("acme-corp.co.uk")).isEqualTo("GB");
    assertThat(EmailDomainCompanySource.countryOf("acme.fr")).isEqualTo("FR");
  }

  @Test
  void genericAndVanityDomainsNameNoCountry() {
    assertThat(EmailDomainCompanySource.countryOf("acme.com")).isNull();
    assertThat(EmailDomainCompanySource.countryOf("acme.io")).isNull();
    assertThat(EmailDomainCompanySource.countryOf("acme.ai")).isNull();
    assertThat(EmailDomainCompanySource.countryOf("acme.eu")).isNull();
  }
}
