import type { VoiceLanguageTag } from '@voca/contracts';

/** What the engine's own flow says, in one language. */
export interface FlowPrompts {
  welcome(businessName: string): string;
  closed(storeHours?: string): string;
  goodbye(businessName: string): string;
  queueFull: string;
  technicalDifficulty: string;
  /** The keypad menu, read after each reply when the caller cannot speak to the agent. */
  menu: string;
  /** Said (before the menu) when a caller who can speak said nothing. */
  stillThere: string;
  /** What each menu digit asks the agent, as a caller would have said it. */
  requests: { products: string; order: string; returns: string; hours: string };
}

/** The spec's menu (product inquiries, order status, returns and exchanges, a person), business hours and the end. */
export const FLOW_PROMPTS: Record<VoiceLanguageTag, FlowPrompts> = {
  en: {
    welcome: (name) => `Thank you for contacting ${name}.`,
    closed: (hours) =>
      hours ? `Our team is not available right now. Our hours are ${hours}.` : 'Our team is not available right now.',
    goodbye: (name) => `Thank you for contacting ${name}. Goodbye.`,
    queueFull: 'All of our team members are busy right now. Please try again later.',
    technicalDifficulty: 'Sorry, we are having trouble right now. Please try again in a few minutes.',
    menu:
      'For product inquiries, press 1. For order status, press 2. For returns and exchanges, press 3. ' +
      'For our business hours, press 4. To speak with a person, press 0. To end the call, press 9.',
    stillThere: 'Are you still there? You can ask me anything, or use your keypad.',
    requests: {
      products: 'I have a question about your products.',
      order: 'I would like to check my order status.',
      returns: 'How do returns and exchanges work?',
      hours: 'What are your business hours?',
    },
  },
  es: {
    welcome: (name) => `Gracias por comunicarse con ${name}.`,
    closed: (hours) =>
      hours
        ? `Nuestro equipo no está disponible en este momento. Nuestro horario es ${hours}.`
        : 'Nuestro equipo no está disponible en este momento.',
    goodbye: (name) => `Gracias por comunicarse con ${name}. Adiós.`,
    queueFull: 'Todo nuestro equipo está ocupado en este momento. Por favor, intente más tarde.',
    technicalDifficulty: 'Lo sentimos, tenemos un problema en este momento. Por favor, intente en unos minutos.',
    menu:
      'Para consultas sobre productos, marque 1. Para el estado de su pedido, marque 2. Para devoluciones y cambios, ' +
      'marque 3. Para nuestro horario, marque 4. Para hablar con una persona, marque 0. Para terminar la llamada, marque 9.',
    stillThere: '¿Sigue ahí? Puede preguntarme lo que quiera, o usar su teclado.',
    requests: {
      products: 'Tengo una pregunta sobre sus productos.',
      order: 'Quiero consultar el estado de mi pedido.',
      returns: '¿Cómo funcionan las devoluciones y los cambios?',
      hours: '¿Cuál es su horario de atención?',
    },
  },
  fr: {
    welcome: (name) => `Merci d'avoir contacté ${name}.`,
    closed: (hours) =>
      hours
        ? `Notre équipe n'est pas disponible pour le moment. Nos horaires sont ${hours}.`
        : "Notre équipe n'est pas disponible pour le moment.",
    goodbye: (name) => `Merci d'avoir contacté ${name}. Au revoir.`,
    queueFull: 'Tous nos conseillers sont occupés. Veuillez réessayer plus tard.',
    technicalDifficulty: 'Désolé, nous rencontrons un problème. Veuillez réessayer dans quelques minutes.',
    menu:
      'Pour une question sur nos produits, tapez 1. Pour le suivi de commande, tapez 2. Pour les retours et échanges, ' +
      "tapez 3. Pour nos horaires, tapez 4. Pour parler à une personne, tapez 0. Pour terminer l'appel, tapez 9.",
    stillThere: 'Êtes-vous toujours là ? Vous pouvez me poser votre question, ou utiliser votre clavier.',
    requests: {
      products: "J'ai une question sur vos produits.",
      order: 'Je voudrais suivre ma commande.',
      returns: 'Comment fonctionnent les retours et les échanges ?',
      hours: "Quels sont vos horaires d'ouverture ?",
    },
  },
  de: {
    welcome: (name) => `Vielen Dank für Ihren Anruf bei ${name}.`,
    closed: (hours) =>
      hours
        ? `Unser Team ist gerade nicht erreichbar. Unsere Öffnungszeiten sind ${hours}.`
        : 'Unser Team ist gerade nicht erreichbar.',
    goodbye: (name) => `Vielen Dank für Ihren Anruf bei ${name}. Auf Wiederhören.`,
    queueFull: 'Alle unsere Mitarbeiter sind gerade im Gespräch. Bitte versuchen Sie es später noch einmal.',
    technicalDifficulty: 'Entschuldigung, wir haben gerade ein Problem. Bitte versuchen Sie es in ein paar Minuten.',
    menu:
      'Für Fragen zu unseren Produkten drücken Sie die 1. Für den Status Ihrer Bestellung die 2. Für Rückgaben und ' +
      'Umtausch die 3. Für unsere Öffnungszeiten die 4. Um mit einer Person zu sprechen, die 0. Um das Gespräch zu ' +
      'beenden, die 9.',
    stillThere: 'Sind Sie noch da? Sie können mir Ihre Frage stellen oder Ihre Tastatur verwenden.',
    requests: {
      products: 'Ich habe eine Frage zu Ihren Produkten.',
      order: 'Ich möchte den Status meiner Bestellung wissen.',
      returns: 'Wie funktionieren Rückgabe und Umtausch?',
      hours: 'Wann haben Sie geöffnet?',
    },
  },
  it: {
    welcome: (name) => `Grazie per aver contattato ${name}.`,
    closed: (hours) =>
      hours
        ? `Il nostro team non è disponibile in questo momento. I nostri orari sono ${hours}.`
        : 'Il nostro team non è disponibile in questo momento.',
    goodbye: (name) => `Grazie per aver contattato ${name}. Arrivederci.`,
    queueFull: 'Tutti i nostri operatori sono occupati. Riprovi più tardi.',
    technicalDifficulty: 'Ci scusi, abbiamo un problema in questo momento. Riprovi tra qualche minuto.',
    menu:
      'Per informazioni sui prodotti, prema 1. Per lo stato del suo ordine, prema 2. Per resi e cambi, prema 3. ' +
      'Per i nostri orari, prema 4. Per parlare con una persona, prema 0. Per terminare la chiamata, prema 9.',
    stillThere: 'È ancora in linea? Può farmi qualsiasi domanda, oppure usare la tastiera.',
    requests: {
      products: 'Ho una domanda sui vostri prodotti.',
      order: 'Vorrei sapere lo stato del mio ordine.',
      returns: 'Come funzionano resi e cambi?',
      hours: 'Quali sono i vostri orari?',
    },
  },
  pt: {
    welcome: (name) => `Obrigado por entrar em contato com ${name}.`,
    closed: (hours) =>
      hours
        ? `Nossa equipe não está disponível agora. Nosso horário é ${hours}.`
        : 'Nossa equipe não está disponível agora.',
    goodbye: (name) => `Obrigado por entrar em contato com ${name}. Até logo.`,
    queueFull: 'Toda a nossa equipe está ocupada agora. Por favor, tente mais tarde.',
    technicalDifficulty: 'Desculpe, estamos com um problema agora. Por favor, tente em alguns minutos.',
    menu:
      'Para dúvidas sobre produtos, tecle 1. Para o status do seu pedido, tecle 2. Para trocas e devoluções, tecle 3. ' +
      'Para o nosso horário, tecle 4. Para falar com uma pessoa, tecle 0. Para encerrar a ligação, tecle 9.',
    stillThere: 'Você ainda está aí? Pode me perguntar o que quiser, ou usar o teclado.',
    requests: {
      products: 'Tenho uma pergunta sobre os seus produtos.',
      order: 'Quero saber o status do meu pedido.',
      returns: 'Como funcionam as trocas e devoluções?',
      hours: 'Qual é o horário de atendimento?',
    },
  },
};
