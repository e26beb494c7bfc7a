package dev.slipway.local.sqs;

/** A FIFO command queue and the FIFO dead-letter queue its redrive policy points at. */
public record CommandQueues(String queueUrl, String dlqUrl, String queueArn, String dlqArn) {}
