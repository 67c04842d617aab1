/**
 * What a String input may hold, by schema coordinate (`Type.field` for input fields,
 * `Type.field(arg:)` for arguments). One table for the gateway and every subgraph: input type names
 * are unique across the supergraph, so each process applies the entries its schema has.
 *
 * Every other String or ID input is a single line of at most LINE_MAX_LENGTH characters.
 */

/** Names, emails, symbols, ids, tokens, URLs: nothing legitimate is longer (URLs stop at ~2 KB). */
export const LINE_MAX_LENGTH = 2_048;
/** Free-form prose (rationale, descriptions, feedback) unless the coordinate says otherwise. */
export const TEXT_MAX_LENGTH = 20_000;

/** Free-form prose: tab, newline and carriage return allowed, with its own length limit. */
export const freeTextInputs: Readonly<Record<string, number>> = {
  'PublishSignalInput.rationale': TEXT_MAX_LENGTH,
  'CreateCourseInput.summary': TEXT_MAX_LENGTH,
  'CreateCourseInput.description': TEXT_MAX_LENGTH,
  'UpdateCourseInput.summary': TEXT_MAX_LENGTH,
  'UpdateCourseInput.description': TEXT_MAX_LENGTH,
  // A lesson's article or a video's transcript is the longest text anyone writes here.
  'LessonInput.body': 100_000,
  'UpdateLessonInput.body': 100_000,
  'VideoAssetInput.transcript': 100_000,
  'QuestionInput.prompt': TEXT_MAX_LENGTH,
  'AssignmentSubmissionInput.text': TEXT_MAX_LENGTH,
  'AssignmentGradeInput.feedback': TEXT_MAX_LENGTH,
  'RefundPaymentInput.reason': TEXT_MAX_LENGTH,
  'Mutation.reviewKyc(reason:)': TEXT_MAX_LENGTH,
};

/**
 * Exact decimals carried as strings (prices, quantities, money, numeric answers). Bounded like the
 * widest column, DECIMAL(30,10); a service still checks its own range (positive, tick size...).
 */
export const decimalInputs: ReadonlySet<string> = new Set([
  'PublishSignalInput.entryPrice',
  'PublishSignalInput.targetPrice',
  'PublishSignalInput.stopLoss',
  'CreatePriceAlertInput.price',
  'PlaceOrderInput.quantity',
  'PlaceOrderInput.limitPrice',
  'PlaceOrderInput.stopPrice',
  'FollowSignalSourceInput.sizingValue',
  'CreateCourseInput.price',
  'UpdateCourseInput.price',
  'CourseFilter.priceMax',
  'RefundPaymentInput.amount',
  'AnswerInput.number',
  'QuestionInput.correctNumber',
  'QuestionInput.numericTolerance',
]);

export const decimalPattern = /^-?\d{1,20}(\.\d{1,10})?$/;
