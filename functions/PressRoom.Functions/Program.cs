using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PressRoom.Functions;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Maintenance;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPressRoomPipeline(builder.Configuration).AddPressRoomApi(builder.Configuration);
builder.Services.AddHistoryPurge(builder.Configuration);
builder.Services.AddPressRoomTelemetry(builder.Configuration);
builder.Build().Run();
