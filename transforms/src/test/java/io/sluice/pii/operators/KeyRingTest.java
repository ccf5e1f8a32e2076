package io.sluice.pii.operators;

import static io.sluice.pii.operators.Policies.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.policy.Policy;
import io.sluice.policy.PolicyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {
  private final Policy hashing = Policies.with(spec("hash"), "EMAIL_ADDRESS");

  @Test
  void missingEnvironmentVariableFailsFastNamingItAndHowToSetIt() {
    PolicyException e = assertThrows(PolicyException.class, () -> KeyRing.resolve(hashing, Map.of()));
    assertTrue(e.getMessage().contains(Policies.KEY_ENV), e.getMessage());
    assertTrue(e.getMessage().contains("export " + Policies.KEY_ENV + "=$(openssl rand -hex 32)"), e.getMessage());
    assertTrue(e.getMessage().contains("entities.EMAIL_ADDRESS.operator"), e.getMessage());
  }

  @Test
  void anonymizerCannotBeBuiltWithoutTheKey() {
    PolicyException e = assertThrows(PolicyException.class, () -> Anonymizer.fromPolicy(hashing, KeyRing.empty()));
    assertTrue(e.getMessage().contains(Policies.KEY_NAME), e.getMessage());
  }

  @Test
  void blankAndShortKeysAreRejectedWithoutShowingThem() {
    assertThrows(PolicyException.class, () -> KeyRing.resolve(hashing, Map.of(Policies.KEY_ENV, "   ")));
    PolicyException e = assertThrows(PolicyException.class,
        () -> KeyRing.resolve(hashing, Map.of(Policies.KEY_ENV, "short-secret")));
    assertTrue(e.getMessage().contains("at least 16"), e.getMessage());
    assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
  }

  @Test
  void keyFromFileIgnoresTheTrailingNewline(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hmac.key");
    Files.writeString(file, "0123456789abcdef0123456789abcdef\n");
    Policy policy = Policies.with(spec("hash"), "EMAIL_ADDRESS");
    policy.keys.get(Policies.KEY_NAME).env = null;
    policy.keys.get(Policies.KEY_NAME).file = file.toString();
    KeyRing fromFile = KeyRing.resolve(policy, Map.of());
    assertArrayEquals("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
        fromFile.key(Policies.KEY_NAME));
    // Same bytes as from the environment, so the same pseudonyms.
    assertEquals(Policies.apply(Anonymizer.fromPolicy(policy, fromFile), "EMAIL_ADDRESS", "a@b.co"),
        Policies.apply(Policies.anonymizer(hashing, Policies.ENV), "EMAIL_ADDRESS", "a@b.co"));
  }

  @Test
  void missingOrEmptyKeyFileFailsFastNamingTheFile(@TempDir Path dir) throws Exception {
    Policy policy = Policies.with(spec("surrogate"), "CREDIT_CARD");
    policy.keys.get(Policies.KEY_NAME).env = null;
    policy.keys.get(Policies.KEY_NAME).file = dir.resolve("absent.key").toString();
    PolicyException missing = assertThrows(PolicyException.class, () -> KeyRing.resolve(policy, Map.of()));
    assertTrue(missing.getMessage().contains("absent.key"), missing.getMessage());
    assertTrue(missing.getMessage().contains("openssl rand -hex 32 >"), missing.getMessage());
    Path empty = Files.writeString(dir.resolve("empty.key"), "\n");
    policy.keys.get(Policies.KEY_NAME).file = empty.toString();
    PolicyException blank = assertThrows(PolicyException.class, () -> KeyRing.resolve(policy, Map.of()));
    assertTrue(blank.getMessage().contains("empty.key"), blank.getMessage());
  }

  @Test
  void undeclaredKeyIsReported() {
    Policy policy = Policies.with(spec("hash"), "EMAIL_ADDRESS");
    policy.keys.clear();
    PolicyException e = assertThrows(PolicyException.class, () -> KeyRing.resolve(policy, Policies.ENV));
    assertTrue(e.getMessage().contains("not declared"), e.getMessage());
  }

  @Test
  void policiesWithoutKeyedOperatorsNeedNoKey() {
    Policy policy = Policies.with(spec("mask"), "CREDIT_CARD");
    assertEquals(Set.of(), KeyRing.resolve(policy, Map.of()).names());
  }

  @Test
  void toStringShowsNamesNeverKeyMaterial() {
    KeyRing keys = KeyRing.resolve(hashing, Policies.ENV);
    assertEquals("KeyRing[" + Policies.KEY_NAME + "]", keys.toString());
    assertFalse(keys.toString().contains(Policies.ENV.get(Policies.KEY_ENV)));
  }

  @Test
  void callersGetACopyOfTheKey() {
    KeyRing keys = KeyRing.resolve(hashing, Policies.ENV);
    keys.key(Policies.KEY_NAME)[0] = 0;
    assertEquals('0', keys.key(Policies.KEY_NAME)[0]);
  }
}
