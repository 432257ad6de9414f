// Schemas for the groups endpoints.
export {};
