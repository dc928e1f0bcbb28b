/**
 * Local emulations of the Salesforce and Slack HTTP APIs for tests: WireMock servers answering with
 * the real APIs' shapes, status codes and errors, with switches for outages, token expiry and rate
 * limits, and accessors for the exact requests received.
 */
package com.leadprocessor.emulation;
