package io.sluice.pii.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"536-22-1234", "536221234", "001-01-0001", "899-99-9999"})
  void ssnAcceptsIssuableNumbers(String ssn) {
    assertTrue(SsnRules.isValid(ssn));
  }

  @ParameterizedTest
  @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "987-65-4321", "123-00-4567", "123-45-0000",
      "123-45-6789", "078-05-1120", "111-11-1111", "12-345-678"})
  void ssnRejectsNeverIssuedAndSampleNumbers(String ssn) {
    assertFalse(SsnRules.isValid(ssn));
  }

  @ParameterizedTest
  @ValueSource(strings = {"912-70-1234", "900-50-0000", "999-65-1234", "912-88-1234", "912-92-1234", "912-94-1234"})
  void itinAcceptsIrsRanges(String itin) {
    assertTrue(ItinRules.isValid(itin));
  }

  @ParameterizedTest
  @ValueSource(strings = {"912-66-1234", "912-89-1234", "912-93-1234", "812-70-1234", "912-49-1234"})
  void itinRejectsOutsideRanges(String itin) {
    assertFalse(ItinRules.isValid(itin));
  }

  @ParameterizedTest
  @CsvSource({"4111111111111111,VISA", "5555555555554444,MASTERCARD", "2223003122003222,MASTERCARD",
      "378282246310005,AMEX", "6011111111111117,DISCOVER", "30569309025904,DINERS", "3530111333300000,JCB"})
  void cardIssuersByPrefixAndLength(String digits, CardIssuer issuer) {
    assertEquals(Optional.of(issuer), CardIssuer.of(digits));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567890123452", "411111111111", "37828224631000", "2721000000000004"})
  void noIssuerForUnknownPrefixOrLength(String digits) {
    assertTrue(CardIssuer.of(digits).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.168.1.10", "0.0.0.0", "255.255.255.255"})
  void ipv4Valid(String ip) {
    assertTrue(IpAddresses.isIpv4(ip));
  }

  @ParameterizedTest
  @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "1.2.3.4."})
  void ipv4Invalid(String ip) {
    assertFalse(IpAddresses.isIpv4(ip));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::8a2e:370:7334", "::1", "fe80::",
      "::ffff:192.0.2.128", "1:2:3:4:5:6:7::"})
  void ipv6Valid(String ip) {
    assertTrue(IpAddresses.isIpv6(ip));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1::2", "12:30:45", "1:2:3:4:5:6:7:8:9", "2001:db8:::1", "12345::1", "g::1",
      "::ffff:999.0.2.128", "00:1a:2b:3c:4d:5e"})
  void ipv6Invalid(String ip) {
    assertFalse(IpAddresses.isIpv6(ip));
  }

  @Test
  void topLevelDomains() {
    assertTrue(TopLevelDomains.isKnown("COM"));
    assertTrue(TopLevelDomains.isKnown("uk"));
    assertFalse(TopLevelDomains.isKnown("txt"));
    assertFalse(TopLevelDomains.isKnown("g"));
  }
}
