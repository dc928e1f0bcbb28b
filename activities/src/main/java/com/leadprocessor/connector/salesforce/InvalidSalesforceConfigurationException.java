package com.leadprocessor.connector.salesforce;

/** The Salesforce configuration cannot work; the message names the setting and what to do. */
public class InvalidSalesforceConfigurationException extends IllegalStateException {

  public InvalidSalesforceConfigurationException(String message) {
    super(message);
  }
}
