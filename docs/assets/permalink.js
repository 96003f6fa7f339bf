/* (placeholder) */
