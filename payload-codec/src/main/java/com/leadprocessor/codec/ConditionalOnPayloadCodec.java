package com.leadprocessor.codec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Matches unless {@code leads.codec.enabled} is false: where payloads are sealed. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(
    prefix = "leads.codec",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public @interface ConditionalOnPayloadCodec {}
