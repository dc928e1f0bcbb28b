package com.leadprocessor.connector;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Every activity implementation of this module with its configuration. A worker application
 * {@code @Import}s this class. Each property under {@code leads.} has a default, so a worker needs
 * no configuration for the activities beyond the {@code leads.task-queue} its workflows share.
 *
 * <p>Scanning starts at this class's package, {@code com.leadprocessor.connector}, which holds
 * every class of this module and nothing else, so importing it never picks up the application's own
 * components or the workflow module's classes.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
public class LeadActivitiesConfiguration {}
