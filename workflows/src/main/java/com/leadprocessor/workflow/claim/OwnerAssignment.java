package com.leadprocessor.workflow.claim;

/**
 * What assigning a claimer as the Salesforce Lead's owner did.
 *
 * @param salesforceOwnerId the owner the Lead has now; null when it was left as it was
 * @param note why the claimer did not become the owner (no Salesforce user with their email, a
 *     fallback owner used instead...); null when they did
 */
public record OwnerAssignment(String salesforceOwnerId, String note) {}
