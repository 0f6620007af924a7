package org.leadhandoff.outbox;

/**
 * Which queue a message waits in. A person who just filled in a form must reach a qualifier in
 * seconds, whatever list is being imported: real-time messages are always published first, bulk
 * ones only while the engine keeps up with those sent before.
 */
public enum Lane {
  /** The API, webhooks, engagement events, erasures: published as soon as they are due. */
  REALTIME,
  /** Imports: paced by how many of their leads the engine has not started working yet. */
  BULK
}
