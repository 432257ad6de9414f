// Schemas for the votes endpoints.
export {};
