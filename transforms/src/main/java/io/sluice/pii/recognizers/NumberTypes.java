package io.sluice.pii.recognizers;

import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One region's number types (fixed line, mobile, toll free, ...) as libphonenumber's
 * {@code isValidNumberForRegion} checks a national significant number against them: the general
 * description first, then any type, each with its possible lengths (when listed) and its pattern.
 */
final class NumberTypes {

  /**
   * One number description: lengths (none listed: any), a pattern matching the whole number, and the
   * digits its numbers can start with, tested before the pattern: most numbers fail most types (toll
   * free "8..", premium rate "900..") on their first digit.
   */
  private record Desc(BitSet lengths, Pattern pattern, MatchStarts starts) {
    static Desc of(PhoneNumberDesc desc) {
      BitSet lengths = new BitSet();
      desc.getPossibleLengthList().forEach(lengths::set);
      Pattern pattern = Pattern.compile(desc.getNationalNumberPattern());
      return new Desc(lengths, pattern, new MatchStarts(pattern));
    }

    boolean sameAs(Desc other) {
      return lengths.equals(other.lengths) && pattern.pattern().equals(other.pattern.pattern());
    }

    boolean matches(String number) {
      return (lengths.isEmpty() || lengths.get(number.length()))
          && (number.isEmpty() || starts.mayStartWith(number.charAt(0))) && pattern.matcher(number).matches();
    }
  }

  private final Desc general;
  private final List<Desc> types = new ArrayList<>();

  NumberTypes(PhoneMetadata metadata) {
    this.general = Desc.of(metadata.getGeneralDesc());
    for (PhoneNumberDesc desc : of(metadata)) {
      Desc type = Desc.of(desc);
      // Where mobile and fixed line numbers are not told apart (NANPA), both carry the same long
      // pattern: a number failing it once fails it twice.
      if (types.stream().noneMatch(type::sameAs)) {
        types.add(type);
      }
    }
  }

  /** The region's number types that have a pattern (libphonenumber skips those without). */
  private static List<PhoneNumberDesc> of(PhoneMetadata metadata) {
    List<PhoneNumberDesc> types = new ArrayList<>();
    for (PhoneNumberDesc desc : List.of(metadata.getFixedLine(), metadata.getMobile(), metadata.getTollFree(),
        metadata.getPremiumRate(), metadata.getSharedCost(), metadata.getPersonalNumber(), metadata.getVoip(),
        metadata.getPager(), metadata.getUan(), metadata.getVoicemail())) {
      if (!desc.getNationalNumberPattern().isEmpty()) {
        types.add(desc);
      }
    }
    return types;
  }

  /** A number of the region may have {@code length} digits (the general description lists it, or none). */
  boolean mayHaveLength(int length) {
    return general.lengths().isEmpty() || general.lengths().get(length);
  }

  /** {@code nationalNumber} is a valid number of the region. */
  boolean isValid(String nationalNumber) {
    if (general.pattern().pattern().isEmpty() || !general.matches(nationalNumber)) {
      return false;
    }
    for (Desc type : types) {
      if (type.matches(nationalNumber)) {
        return true;
      }
    }
    return false;
  }
}
