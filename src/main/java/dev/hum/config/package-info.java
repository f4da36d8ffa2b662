/**
 * Loads what processes hum should run: a {@code hum.yaml}/{@code hum.yml}/{@code hum.json}, the
 * scripts of a {@code package.json}, a {@code Procfile} with its {@code .env}, or the built-in demo.
 *
 * <p>{@link dev.hum.config.ConfigLoader} is the entry point; the command line calls it once at start
 * and hands the resulting {@link dev.hum.config.ProjectConfig} to the
 * supervisor. Nothing here starts a process. Every problem with the user's files surfaces as a
 * {@link dev.hum.config.ConfigException} whose message names {@code file:line:column} and what was
 * expected; no other exception escapes a load.
 *
 * <p>Threading: loading runs on the caller's thread and keeps no state between calls. Its results are
 * deeply immutable records and are safe to share between threads without synchronisation.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.config;
