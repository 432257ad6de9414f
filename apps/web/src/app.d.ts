// Ambient types of the SvelteKit app (locals, page data, errors); filled in as pages arrive.
declare global {
  namespace App {
    // interface Error {}
    // interface Locals {}
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}

export {};
