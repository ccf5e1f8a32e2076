package io.sluice.models.ner;

import io.sluice.models.eval.GoldDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Short posts and comments as written on social media and under videos: first names alone, full names and
 * public figures' or characters' names, mostly lower-case, next to @handles, #hashtags and emoji (none of
 * which is an entity), plus posts with no entity at all. The business-document generator writes no text like
 * this, and WNUT-17 train alone has too few names to teach the head that a lower-case word can be a name.
 * Deterministic for a seed.
 */
final class SocialPostGenerator {
  private static final String PERSON = "PERSON";
  private static final List<String> EMOJI = List.of("😂", "😭", "😍", "🔥", "❤", "🙏", "😩", "👏", "💯", "🤣", "😘", "👍");
  private static final List<String> TAGS = List.of("#tbt", "#mondaymotivation", "#nba", "#music", "#love", "#fail",
      "#goals", "#gameday", "#throwback", "#news", "#election", "#movies");
  private static final List<String> CHATTER = List.of("lol", "omg", "smh", "tbh", "ngl", "haha", "lmao", "wow",
      "bruh", "yesss", "same", "idk");
  private static final List<String> NAMELESS = List.of("this is the best video ever", "who is watching this in 2017",
      "can't stop listening to this song", "the ending was so good", "i will never get over this", "mark my words",
      "this made my day", "first comment", "grant me patience", "may the force be with you", "so proud of my team",
      "the new update broke my phone again", "bill me later is a scam", "sunny all week finally");

  private final EntityValues v;
  private final List<BiConsumer<DocumentBuilder, EntityValues>> templates = List.of(
      SocialPostGenerator::opinion, SocialPostGenerator::reply, SocialPostGenerator::sighting,
      SocialPostGenerator::pair, SocialPostGenerator::question, SocialPostGenerator::nameless);

  SocialPostGenerator(long seed) {
    this.v = new EntityValues(seed);
  }

  List<GoldDocument> generate(int count, String idPrefix) {
    List<GoldDocument> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double r = v.random().nextDouble();
      DocumentBuilder.Casing casing = r < 0.55 ? DocumentBuilder.Casing.LOWER
          : r < 0.6 ? DocumentBuilder.Casing.UPPER : DocumentBuilder.Casing.AS_WRITTEN;
      DocumentBuilder b = new DocumentBuilder(casing);
      if (v.chance(0.3)) {
        b.text(v.pick(CHATTER) + " ");
      }
      v.pick(templates).accept(b, v);
      if (v.chance(0.5)) {
        b.text(" " + v.pick(EMOJI).repeat(v.between(1, 3)));
      }
      if (v.chance(0.3)) {
        b.text(" " + v.pick(TAGS));
      }
      out.add(b.build(idPrefix + i));
    }
    return out;
  }

  private static String anyone(EntityValues v) {
    return switch (v.random().nextInt(4)) {
      case 0 -> v.firstName();
      case 1 -> v.person();
      default -> v.publicFigure();
    };
  }

  private static void opinion(DocumentBuilder b, EntityValues v) {
    b.entity(PERSON, anyone(v)).text(v.pick(List.of(" is so funny", " killed it last night", " is overrated",
        " should have won", " for president", " ' s voice is unreal", "'s best song ever", " is the goat",
        " needs to retire", " was robbed")));
  }

  private static void reply(DocumentBuilder b, EntityValues v) {
    b.text(v.handle() + " " + v.pick(List.of("i think ", "no way ", "tell ", "why did ", "ask "))).entity(PERSON,
        anyone(v)).text(v.pick(List.of(" was right about this", " to call me", " say that", " about it", "")));
  }

  private static void sighting(DocumentBuilder b, EntityValues v) {
    b.text(v.pick(List.of("just saw ", "met ", "i ran into ", "spotted "))).entity(PERSON, anyone(v))
        .text(v.pick(List.of(" in ", " at the airport in ", " downtown "))).entity("LOCATION", v.city())
        .text(v.pick(List.of("", " !!", " today", " and i cried")));
  }

  private static void pair(DocumentBuilder b, EntityValues v) {
    b.entity(PERSON, anyone(v)).text(v.pick(List.of(" and ", " vs ", " & ", " with "))).entity(PERSON, anyone(v));
    if (v.chance(0.4)) {
      b.text(v.pick(List.of(" at ", " from "))).entity("ORGANIZATION", v.organization());
    } else {
      b.text(v.pick(List.of(" in the same video", " should do a song together")));
    }
  }

  private static void question(DocumentBuilder b, EntityValues v) {
    b.text(v.pick(List.of("who else is here because of ", "does anyone know where ", "is it just me or is ",
        "can someone tell "))).entity(PERSON, anyone(v)).text(v.pick(List.of(" ?", "?", " getting better", " lol")));
  }

  private static void nameless(DocumentBuilder b, EntityValues v) {
    b.text(v.pick(NAMELESS));
  }
}
