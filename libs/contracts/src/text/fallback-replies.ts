/** Said to the customer when the agent produced no answer (an empty reply, or a runtime that kept failing). */
export const NO_ANSWER_REPLY = 'Sorry, I could not answer that just now. A member of our team will follow up with you.';
