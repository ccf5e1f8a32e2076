package io.sluice.pii;

import java.util.Set;

/** Entity names Sluice knows, following Presidio's so users can switch tools and compare. */
public final class EntityTypes {
  public static final String PERSON = "PERSON";
  public static final String LOCATION = "LOCATION";
  public static final String ORGANIZATION = "ORGANIZATION";
  public static final String STREET_ADDRESS = "STREET_ADDRESS";
  public static final String NRP = "NRP";
  public static final String TITLE = "TITLE";
  public static final String AGE = "AGE";
  public static final String ZIP_CODE = "ZIP_CODE";
  public static final String EMAIL_ADDRESS = "EMAIL_ADDRESS";
  public static final String PHONE_NUMBER = "PHONE_NUMBER";
  public static final String CREDIT_CARD = "CREDIT_CARD";
  public static final String IBAN_CODE = "IBAN_CODE";
  public static final String US_SSN = "US_SSN";
  public static final String IP_ADDRESS = "IP_ADDRESS";
  public static final String URL = "URL";
  public static final String DOMAIN_NAME = "DOMAIN_NAME";
  public static final String MAC_ADDRESS = "MAC_ADDRESS";
  public static final String CRYPTO = "CRYPTO";
  public static final String DATE_TIME = "DATE_TIME";
  public static final String US_PASSPORT = "US_PASSPORT";
  public static final String US_DRIVER_LICENSE = "US_DRIVER_LICENSE";
  public static final String US_BANK_NUMBER = "US_BANK_NUMBER";
  public static final String US_ITIN = "US_ITIN";
  public static final String UK_NHS = "UK_NHS";

  /** Every built-in name; custom recognizers may add more. */
  public static final Set<String> KNOWN =
      Set.of(PERSON, LOCATION, ORGANIZATION, STREET_ADDRESS, NRP, TITLE, AGE, ZIP_CODE, EMAIL_ADDRESS,
          PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS, URL, DOMAIN_NAME, MAC_ADDRESS, CRYPTO,
          DATE_TIME, US_PASSPORT, US_DRIVER_LICENSE, US_BANK_NUMBER, US_ITIN, UK_NHS);

  private EntityTypes() {}
}
