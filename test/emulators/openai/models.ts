/** The model ids GET /v1/models lists: a few standard ones plus every model a valid request named. */
export const STANDARD_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'] as const;

const CREATED = 1_700_000_000;

export class ModelCatalog {
  private readonly seen = new Set<string>();

  remember(model: string): void {
    this.seen.add(model);
  }

  ids(): string[] {
    return [...new Set<string>([...STANDARD_MODELS, ...this.seen])];
  }

  has(id: string): boolean {
    return this.ids().includes(id);
  }

  /** One model, in the shape of openai's Model. */
  model(id: string) {
    return {
      id,
      object: 'model' as const,
      created: CREATED,
      owned_by: (STANDARD_MODELS as readonly string[]).includes(id) ? 'system' : 'openai-emulator',
    };
  }

  list() {
    return { object: 'list' as const, data: this.ids().map((id) => this.model(id)) };
  }

  reset(): void {
    this.seen.clear();
  }
}
