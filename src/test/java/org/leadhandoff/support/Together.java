package org.leadhandoff.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Several instances' rounds of work at once, as a cluster runs them: each on a thread of its own,
 * all let go at the same moment, each repeating its round until the work is done.
 */
public final class Together {

  private Together() {}

  /**
   * Runs each round over and over on its own thread until {@code done}, and waits for all.
   *
   * @throws Exception what a round threw, or a timeout after two minutes
   */
  public static void untilDone(List<Runnable> rounds, BooleanSupplier done) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(rounds.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (Runnable round : rounds) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  while (!done.getAsBoolean()) {
                    round.run();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
