package io.sluice.models.encoder;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dotted Hugging Face-style paths for every parameter of a block tree. DJL keys child blocks as
 * "NNname" (a two-digit ordinal then the name given to addChildBlock) and joins levels with "_", which is
 * ambiguous with names such as "word_embeddings"; walking the tree ourselves gives exact paths.
 */
public final class HfParameterNames {
  private static final Pattern DJL_CHILD_KEY = Pattern.compile("^\\d{2}(.+)$");

  private HfParameterNames() {}

  public static Map<String, Parameter> of(Block root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    collect(root, "", out);
    return out;
  }

  private static void collect(Block block, String prefix, Map<String, Parameter> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      out.put(prefix + p.getKey(), p.getValue());
    }
    for (Pair<String, Block> child : block.getChildren()) {
      collect(child.getValue(), prefix + childName(child.getKey()) + ".", out);
    }
  }

  private static String childName(String djlKey) {
    Matcher m = DJL_CHILD_KEY.matcher(djlKey);
    if (!m.matches()) {
      throw new IllegalStateException("unexpected DJL child block key: " + djlKey);
    }
    return m.group(1);
  }
}
