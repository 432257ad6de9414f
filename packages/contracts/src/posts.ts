// Schemas for the posts endpoints.
export {};
