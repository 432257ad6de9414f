// Schemas for the users endpoints.
export {};
