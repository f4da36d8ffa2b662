/**
 * jcstress tests of hum's lock-free structures: the {@code StateCell} transitions and publication, the
 * {@code Registry} change count, and the {@code LogBuffer} publication and eviction.
 *
 * <p>Each test is a jcstress {@code @JCStressTest}: jcstress runs its {@code @Actor} methods concurrently on a
 * fresh {@code @State} object millions of times, under several JIT and thread-placement settings, and counts how
 * often each outcome appears. An outcome marked {@code FORBIDDEN} means a bug; each test's javadoc says which one.
 * These complement the stress tests in {@code src/test}: jcstress sees the rare interleavings and reorderings
 * that a stress test hides. Run them with {@code jcstress/run.sh} (see {@code jcstress/README.md}).
 *
 * <p>Threading: every method of a test runs on a jcstress worker thread; the state object is the only thing the
 * actors share.
 */
package dev.hum.jcstress;
