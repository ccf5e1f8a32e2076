package io.sluice.synth;

import io.sluice.models.generate.GenerationParams;
import java.io.Serializable;

/**
 * The SLM part of a spec in mode {@code slm}.
 *
 * @param model a Hugging Face decoder directory
 * @param prompts prompt templates with {@code {field}} slots, weighted
 * @param outputField the string field of the schema that receives the generated text
 * @param jsonSchema a JSON Schema the output must satisfy (constrained decoding), or null for free text
 * @param params null: the model's generation_config.json defaults
 */
public record SlmSettings(String model, io.sluice.synth.fields.FieldGenerator prompts, String outputField,
    String jsonSchema, int attempts, GenerationParams params, int batchSize, String device) implements Serializable {}
