package dev.slipway.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRank() {
    long[] hundred = LongStream.rangeClosed(1, 100).toArray();
    assertEquals(99, Percentiles.of(hundred, 0.99), "99 of 100 samples at or below it");
    assertEquals(100, Percentiles.of(hundred, 1.0));
    assertEquals(50, Percentiles.of(hundred, 0.5));
    long[] thousand = LongStream.rangeClosed(1, 1000).toArray();
    assertEquals(999, Percentiles.of(thousand, 0.999));
    assertEquals(990, Percentiles.of(thousand, 0.99));
  }

  @Test
  void fewSamplesGiveTheLargestAndNoneGivesIndexZero() {
    assertEquals(7.0, Percentiles.of(new double[] {3, 7}, 0.99));
    assertEquals(5.0, Percentiles.of(List.of(5.0), 0.99));
    assertEquals(0, Percentiles.rank(0, 0.99));
  }
}
