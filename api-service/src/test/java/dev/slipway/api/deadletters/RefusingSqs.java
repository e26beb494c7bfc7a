package dev.slipway.api.deadletters;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Fault injection for the batch edges of a replay: the real ElasticMQ refuses single entries of a
 * batch because this interceptor spoils them on the way out. A replay's resend of the message group
 * named by {@link #REFUSE_SEND} gets a character SQS does not allow in its body; with {@link
 * #REFUSE_SECOND_DELETE} set, the second entry of every DeleteMessageBatch on a DLQ gets a receipt
 * handle that is none. System properties, not statics: the test and the app may not share a class
 * loader.
 */
public class RefusingSqs implements ExecutionInterceptor {
  static final String REFUSE_SEND = "slipway.test.refuse-resend-of-group";
  static final String REFUSE_SECOND_DELETE = "slipway.test.refuse-second-dlq-delete";

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    String group = System.getProperty(REFUSE_SEND);
    if (request instanceof SendMessageBatchRequest send && group != null) {
      return send.toBuilder()
          .entries(
              send.entries().stream()
                  .map(
                      e ->
                          group.equals(e.messageGroupId())
                                  && e.messageDeduplicationId().startsWith("replay-")
                              ? e.toBuilder().messageBody(e.messageBody() + "\u0000").build()
                              : e)
                  .toList())
          .build();
    }
    if (request instanceof DeleteMessageBatchRequest delete
        && System.getProperty(REFUSE_SECOND_DELETE) != null
        && delete.queueUrl().contains("-dlq")
        && delete.entries().size() > 1) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(delete.entries());
      entries.set(1, entries.get(1).toBuilder().receiptHandle("not-a-receipt-handle").build());
      return delete.toBuilder().entries(entries).build();
    }
    return request;
  }
}
