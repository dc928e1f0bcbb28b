package com.leadprocessor.api.review;

import java.util.List;

/**
 * One page of leads from Temporal visibility.
 *
 * @param leads the leads, newest first as visibility orders them
 * @param nextPageToken the raw token of the next page, empty on the last page
 */
public record LeadPage(List<LeadListItem> leads, byte[] nextPageToken) {}
