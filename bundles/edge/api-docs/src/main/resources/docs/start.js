// Shows the portal API as the platform describes it right now.
window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#api", deepLinking: true });
