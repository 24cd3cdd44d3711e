// placeholder until the stage lands
namespace plenary {}
