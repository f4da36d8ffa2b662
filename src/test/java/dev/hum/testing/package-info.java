/**
 * Helpers shared by the tests of every package: waiting for real processes, pipes and terminals
 * without asserting how fast they are.
 */
package dev.hum.testing;
