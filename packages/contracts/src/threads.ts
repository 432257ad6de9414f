// Schemas for the threads endpoints.
export {};
