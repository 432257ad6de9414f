// Schemas for the follows endpoints.
export {};
