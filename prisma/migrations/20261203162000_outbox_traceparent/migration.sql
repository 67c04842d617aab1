-- The W3C trace context of the span that wrote each event, so consumers continue its trace.
ALTER TABLE "identity"."outbox_event" ADD COLUMN "traceparent" TEXT;
ALTER TABLE "learning"."outbox_event" ADD COLUMN "traceparent" TEXT;
ALTER TABLE "signals"."outbox_event" ADD COLUMN "traceparent" TEXT;
ALTER TABLE "trading"."outbox_event" ADD COLUMN "traceparent" TEXT;
ALTER TABLE "billing"."outbox_event" ADD COLUMN "traceparent" TEXT;
