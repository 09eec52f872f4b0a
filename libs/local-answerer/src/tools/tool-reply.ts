import type { ToolCallStatus } from '@voca/contracts';
import { namedAfter, toolLanguage, type ToolLanguage } from './language.js';
import { resultText } from './result-text.js';
import { actionWords, say, type ActionWords } from './action-words.js';
import type { ToolChoice, ToolOutcomeForReply } from './tool-types.js';

export interface ToolReplyInput {
  outcome: ToolOutcomeForReply;
  tool: ToolChoice;
  /** The business asked for a person when this tool fails. */
  handoffOnFailure: boolean;
  language?: string;
  customerName?: string;
}

export interface ToolReply {
  text: string;
  /** Pass the customer to a person. */
  handoff: boolean;
}

/** Outcomes of a call that went out and came back with nothing usable (or could not go out as planned). */
const FAILURES: ReadonlySet<ToolCallStatus> = new Set([
  'failed',
  'timeout',
  'refused',
  'invalid_answer',
  'invalid_arguments',
]);

interface Sentences {
  confirm: (action: string) => string;
  declined: (short: string) => string;
  failed: (short: string, words: ActionWords, name: string) => string;
  handoff: string;
  retry: string;
  unknown: (subject: string, name: string) => string;
  needDetails: (short: string) => string;
  done: string;
  /** A call that succeeded without details: the action in the past. */
  did: (words: ActionWords) => string;
  /** A lookup that succeeded without details. */
  nothingFound: (words: ActionWords) => string;
}

const SENTENCES: Record<ToolLanguage, Sentences> = {
  en: {
    confirm: (action) => `I can ${action}. Shall I go ahead? Please reply yes to confirm.`,
    declined: (short) => `Okay, I won't ${short}. Is there anything else I can help with?`,
    failed: (short, _words, name) => `I'm sorry${name}, I couldn't ${short} right now.`,
    handoff: "I'm passing you to a member of the team.",
    retry: "Please try again a little later, or let me know if you'd like to talk to a person.",
    unknown: (subject, name) =>
      `I'm sorry${name}, I couldn't confirm whether ${subject} went through. A member of the team will check and get back to you.`,
    needDetails: (short) => `I need a few more details to ${short}.`,
    done: 'Done.',
    did: (words) => (words.past ? `Done! I've ${words.past} ${words.full.object}.` : 'Done.'),
    nothingFound: (words) =>
      `I've ${words.past ?? words.full.verb} ${words.full.object}, but there are no details to share yet.`,
  },
  es: {
    confirm: (action) => `Puedo ${action}. ¿Quieres que lo haga? Responde «sí» para confirmar.`,
    declined: (short) => `De acuerdo, no voy a ${short}. ¿Puedo ayudarte con algo más?`,
    failed: (short, _words, name) => `Lo siento${name}, ahora mismo no he podido ${short}.`,
    handoff: 'Te paso con una persona del equipo.',
    retry: 'Puedes intentarlo de nuevo más tarde o, si prefieres, pedir hablar con una persona.',
    unknown: (subject, name) =>
      `Lo siento${name}, no he podido confirmar si ${subject} se ha completado. Una persona del equipo lo revisará y te responderá.`,
    needDetails: (short) => `Necesito algunos datos más para ${short}.`,
    done: 'Listo.',
    did: (words) => `¡Listo! He podido ${say(words.full, 'es')}.`,
    nothingFound: (words) => `He podido ${say(words.full, 'es')}, pero todavía no hay detalles.`,
  },
  fr: {
    confirm: (action) => `Je peux ${action}. Voulez-vous que je le fasse ? Répondez « oui » pour confirmer.`,
    declined: (short) => `D'accord, je ne vais pas ${short}. Puis-je vous aider avec autre chose ?`,
    failed: (short, _words, name) => `Je suis désolé${name}, je n'ai pas pu ${short} pour le moment.`,
    handoff: "Je vous transfère à un membre de l'équipe.",
    retry: 'Vous pouvez réessayer un peu plus tard, ou demander à parler à une personne.',
    unknown: (subject, name) =>
      `Je suis désolé${name}, je n'ai pas pu confirmer si ${subject} a abouti. Un membre de l'équipe va vérifier et vous recontacter.`,
    needDetails: (short) => `J'ai besoin de quelques informations de plus pour ${short}.`,
    done: "C'est fait.",
    did: (words) => `C'est fait ! J'ai pu ${say(words.full, 'fr')}.`,
    nothingFound: (words) => `J'ai pu ${say(words.full, 'fr')}, mais il n'y a pas encore de détails.`,
  },
  pt: {
    confirm: (action) => `Posso ${action}. Quer que eu faça isso? Responda "sim" para confirmar.`,
    declined: (short) => `Tudo bem, não vou ${short}. Posso ajudar com mais alguma coisa?`,
    failed: (short, _words, name) => `Desculpe${name}, não consegui ${short} agora.`,
    handoff: 'Vou passar você para uma pessoa da equipe.',
    retry: 'Você pode tentar novamente mais tarde ou pedir para falar com uma pessoa.',
    unknown: (subject, name) =>
      `Desculpe${name}, não consegui confirmar se ${subject} foi processada. Uma pessoa da equipe vai verificar e retornar para você.`,
    needDetails: (short) => `Preciso de mais alguns dados para ${short}.`,
    done: 'Pronto.',
    did: (words) => `Pronto! Consegui ${say(words.full, 'pt')}.`,
    nothingFound: (words) => `Consegui ${say(words.full, 'pt')}, mas ainda não há detalhes.`,
  },
  de: {
    confirm: (action) => `Ich kann ${action}. Soll ich das tun? Bitte antworten Sie mit „ja“, um zu bestätigen.`,
    declined: () => 'In Ordnung, dann lasse ich das. Kann ich sonst noch etwas für Sie tun?',
    failed: (_short, words, name) =>
      `Es tut mir leid${name}, ich konnte ${[words.short.object, 'gerade nicht', words.short.verb].filter(Boolean).join(' ')}.`,
    handoff: 'Ich verbinde Sie mit einem Mitglied unseres Teams.',
    retry:
      'Bitte versuchen Sie es später noch einmal, oder sagen Sie Bescheid, wenn Sie mit einer Person sprechen möchten.',
    unknown: (subject, name) =>
      `Es tut mir leid${name}, ich konnte nicht bestätigen, ob ${subject} durchgegangen ist. Ein Mitglied unseres Teams prüft das und meldet sich bei Ihnen.`,
    needDetails: (short) => `Ich brauche noch ein paar Angaben, um ${short}.`,
    done: 'Erledigt.',
    did: (words) => `Erledigt! Ich konnte ${say(words.full, 'de')}.`,
    nothingFound: (words) => `Ich konnte ${say(words.full, 'de')}, aber es gibt noch keine Details.`,
  },
};

/**
 * The reply that tells the customer how a tool call went, in the agent's language (English when not supported):
 * the result phrased; a request to confirm the action, with its arguments; an acknowledgement of a no; an apology that
 * names what could not be done, with a person when the business asked for one, never a technical detail; and for a
 * call whose outcome is unknown (cut short after it went out), an apology and always a person, who will check.
 */
export function toolReply(input: ToolReplyInput): ToolReply {
  const { outcome, tool } = input;
  const language = toolLanguage(input.language);
  const s = SENTENCES[language];
  const args = typeof outcome.arguments === 'object' && outcome.arguments !== null ? outcome.arguments : {};
  const words = actionWords(tool, args, language);
  const name = namedAfter(input.customerName);
  const short = say(words.short, language);
  switch (outcome.status) {
    case 'ok': {
      const text = resultText({
        intent: tool.intent,
        result: outcome.result,
        arguments: args,
        language,
        subject: words.about,
      });
      const lookup = tool.intent === 'order_status' || tool.intent === 'stock_check';
      return { text: text ?? (lookup ? s.nothingFound(words) : s.did(words)), handoff: false };
    }
    case 'awaiting_confirmation':
      return { text: s.confirm(say(words.full, language)), handoff: false };
    case 'declined':
    case 'abandoned':
      return { text: s.declined(short), handoff: false };
    case 'awaiting_arguments':
      return { text: s.needDetails(short), handoff: false };
    case 'unknown':
    case 'calling':
      return { text: s.unknown(words.subject, name), handoff: true };
    default: {
      const failed = s.failed(short, words, name);
      const handoff = input.handoffOnFailure === true && FAILURES.has(outcome.status);
      return { text: `${failed} ${handoff ? s.handoff : s.retry}`, handoff };
    }
  }
}
