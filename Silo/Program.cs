using ImpactMesh.Dashboard;
using ImpactMesh.Dashboard.Security;
using ImpactMesh.Silo.Hosting;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddImpactMeshSilo();
builder.AddImpactMeshDashboard();

var app = builder.Build();
app.MapImpactMeshDashboard();
app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Roles.Viewer);
app.Run();

/// <summary>The ImpactMesh silo: Orleans, the HTTP API, the SignalR hub and the live impact map in one process.</summary>
public partial class Program;
