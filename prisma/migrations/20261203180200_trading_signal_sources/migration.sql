-- Trading's copy of signals' sources, so followSignalSource takes a signalSources id and refuses one that
-- does not exist. Filled by the seed (a source per strategy in code) and by every SignalPublished event.
CREATE TABLE "trading"."signal_source" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signal_source_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "trading"."signal_follow" ADD COLUMN "source_id" UUID;
